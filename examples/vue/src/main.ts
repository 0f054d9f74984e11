import { createApp } from 'vue';
import App from './App.vue';
import '../../common/layout.css';

createApp(App).mount('#root');
